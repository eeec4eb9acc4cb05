instance_type = "m5.large"
tags = { Team = "platform" Environment = "prod" } # expect: syntax
