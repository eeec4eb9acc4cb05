instance_type = "t3.large"
# Written like a block (no `=`): a var file takes only arguments.
tags { # expect: syntax
  Team = "platform"
}
