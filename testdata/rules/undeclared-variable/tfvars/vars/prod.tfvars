# A typo: production keeps the default t3.micro.
instance_typ = "m5.xlarge" # expect: undeclared-variable
# Left over after the variable was removed from the module.
enable_monitoring = true # expect: undeclared-variable
