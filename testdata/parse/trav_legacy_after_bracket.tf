a = foo[0].1
b = foo["k"].2.name
