# "open it up for testing": every port of the dev servers is on the internet.
trusted_cidrs = ["0.0.0.0/0"]
