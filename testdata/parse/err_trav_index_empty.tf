a = foo[]
