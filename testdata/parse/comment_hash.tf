# a hash comment
a = 1 # trailing hash
