tags = { Name = "a", Env = "prod", Team = "platform", Owner = "ops", CostCenter = "1234", Project = "tfguard" }
