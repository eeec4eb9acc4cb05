instance_type = "m6i.xlarge"
worker_type   = "c6i.xlarge" # only c6i.large is allowed
