a = foo.0.
