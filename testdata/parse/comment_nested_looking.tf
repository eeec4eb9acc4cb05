/* outer /* not nested */
a = 1
/* // # */
b = 2
