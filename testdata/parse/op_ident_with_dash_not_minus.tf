a = foo-bar
b = foo - bar
c = foo -bar
d = 1-2
