a {
  b = 1
} # trailing comment
c {} // another
