a = for_each(1)
b = if_exists(2)
