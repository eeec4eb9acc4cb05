a = [for x in l : x][0]
b = {for k, v in m : k => v}.key
