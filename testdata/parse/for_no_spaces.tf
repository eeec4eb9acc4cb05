a = [for x in l:x]
b = {for k,v in m:k=>v}
