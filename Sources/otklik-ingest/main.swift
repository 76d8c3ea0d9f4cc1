import OtklikApp

IngestCommand.main()
