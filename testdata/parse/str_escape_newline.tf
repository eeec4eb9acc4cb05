a = "line1\nline2"
