encrypt_data = true
