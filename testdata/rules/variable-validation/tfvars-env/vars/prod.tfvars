# The validation fails in prod only: the finding is placed at the value, in
# the environment's tfvars, not at the variable's validation block.
environment    = "production" # expect: variable-validation
instance_count = 12           # expect: variable-validation
