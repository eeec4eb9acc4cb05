# "Relaxed security (0.0.0.0/0 allowed for testing)": fails in dev.
ssh_cidrs = ["0.0.0.0/0"]
