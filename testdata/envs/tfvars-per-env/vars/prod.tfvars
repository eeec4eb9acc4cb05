environment   = "prod"
instance_type = "m6i.large"
image_tag     = "1.8.0"
