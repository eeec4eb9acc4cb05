# invalid ÿþ utf-8 in a comment
a = 1 // Ã(
