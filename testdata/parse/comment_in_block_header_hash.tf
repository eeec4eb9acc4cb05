a "x" { # comment after brace
  b = 1 # c
} # after close
