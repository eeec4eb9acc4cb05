#no space
//no space
a = 1#tight
b = 2//tight
