import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from wagtail.models import Site


class Command(BaseCommand):
    help = (
        "Create a superuser for local development if none exists, and print the "
        "site's address (the default Site) and the admin's address and login. "
        "The generated password is kept in var/admin-password.txt (never committed)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username, **options):
        password_file = settings.VAR_DIR / "admin-password.txt"
        User = get_user_model()
        if not User.objects.filter(is_superuser=True).exists():
            password = secrets.token_urlsafe(12)
            User.objects.create_superuser(
                username=username, email=f"{username}@example.org", password=password
            )
            password_file.parent.mkdir(parents=True, exist_ok=True)
            password_file.write_text(password + "\n")
            password_file.chmod(0o600)
        base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        admin = User.objects.filter(is_superuser=True).order_by("pk").first()
        if password_file.exists() and admin.check_password(
            password_file.read_text().strip()
        ):
            password = password_file.read_text().strip()
        else:
            password = "(unchanged: set it with 'manage.py changepassword')"
        self.stdout.write("")
        site = Site.objects.filter(is_default_site=True).first()
        if site is not None:
            self.stdout.write(self.style.SUCCESS(f"Site:  {site.root_url}/"))
        self.stdout.write(
            self.style.SUCCESS(
                f"Admin: {base}/admin/  user: {admin.get_username()}  "
                f"password: {password}\n"
            )
        )
