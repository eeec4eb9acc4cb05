worker_timeout = 300
