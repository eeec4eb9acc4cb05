a = "%{if var.env == "prod" && !var.debug}P%{endif}"
