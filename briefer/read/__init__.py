"""Reading sources: files, folders, URLs and feeds to decoded, extracted documents."""
