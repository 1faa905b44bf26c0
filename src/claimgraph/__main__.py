from claimgraph.commands import main

main()
