pitr_sessions = false
