resource "azurerm_resource_group" "rg" {
  name     = "rg-${var.app}-${var.env}"
  location = var.location
}

resource "azurerm_linux_virtual_machine" "vm" {
  count               = var.vm_count
  name                = format("vm-%s-%02d", var.app, count.index + 1)
  resource_group_name = azurerm_resource_group.rg.name
  location            = azurerm_resource_group.rg.location
  size                = "Standard_B2s"
  admin_username      = "azureuser"

  network_interface_ids = [azurerm_network_interface.nic[count.index].id]

  admin_ssh_key {
    username   = "azureuser"
    public_key = file("~/.ssh/id_rsa.pub")
  }

  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Standard_LRS"
  }

  source_image_reference {
    publisher = "Canonical"
    offer     = "0001-com-ubuntu-server-jammy"
    sku       = "22_04-lts"
    version   = "latest"
  }

  custom_data = base64encode(<<-CLOUDINIT
    #cloud-config
    packages:
      - nginx
    runcmd:
      - systemctl enable --now nginx
  CLOUDINIT
  )
}
