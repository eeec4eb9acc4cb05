queue_timeout = 300
region        = "eu-central-1"
