a = my_func(1)
b = my-func(2)
