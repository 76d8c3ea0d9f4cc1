import OtklikApp

OtklikCommand.main()
