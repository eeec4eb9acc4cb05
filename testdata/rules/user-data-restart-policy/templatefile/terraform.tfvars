image          = "ghcr.io/talmolab/webrtc-server:linux-amd64-latest"
restart_policy = ""
