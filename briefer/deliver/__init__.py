"""Delivering a brief: rendering, atomic files, the state of daily runs, the lock and mail."""
