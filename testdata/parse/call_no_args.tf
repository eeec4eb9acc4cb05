a = timestamp()
b = uuid( )
