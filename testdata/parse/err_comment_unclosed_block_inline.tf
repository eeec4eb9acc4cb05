a = /* open 1
