// a slash comment
a = 1 // trailing slash
