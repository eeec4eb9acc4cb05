# a module file
