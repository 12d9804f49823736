"""``python -m claimgraph.serve serve|bench-api ...``: the serve commands without the main CLI."""

import typer

from claimgraph.serve.cli import bench_api_command, serve_command

app = typer.Typer(add_completion=False, no_args_is_help=True)
app.command("serve")(serve_command)
app.command("bench-api")(bench_api_command)

if __name__ == "__main__":
    app()
