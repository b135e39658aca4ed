-- Rate-limit counters are written on every request. They need to be shared by every instance and
-- exact, not to survive a crash (a lost minute of counts only lets a client start its minute
-- again): an unlogged table writes no WAL, so a request's count commits without waiting for a
-- flush to disk.
ALTER TABLE rate_limits SET UNLOGGED;
