queue_timeout = 60
