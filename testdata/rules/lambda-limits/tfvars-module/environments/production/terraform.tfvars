# the nightly export got slower: "just give it 20 minutes"
worker_timeout = 1200
