# "thumbnails can be regenerated"
thumbnails_dlq = false
