"""``python -m claimgraph.serve serve ...``: the server without the main CLI."""

import typer

from claimgraph.serve.cli import serve_command

app = typer.Typer(add_completion=False, no_args_is_help=True)
app.command("serve")(serve_command)


@app.callback()
def main() -> None:
    """claimgraph's server alone (`serve` stays a subcommand, as in the main CLI)."""

if __name__ == "__main__":
    app()
