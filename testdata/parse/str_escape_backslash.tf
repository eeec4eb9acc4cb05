a = "C:\\Windows\\System32"
