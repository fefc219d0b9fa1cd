from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from microsite.home.forms import SiteAddressForm


class Command(BaseCommand):
    help = (
        "Set the default Site's public host name and port, which start every full "
        "page URL: canonical links, og:url, JSON-LD, feed ids and the sitemap. "
        "Port 443 gives https:// addresses. Example: set_site_address example.org 443"
    )

    def add_arguments(self, parser):
        parser.add_argument("hostname", help="example.org, 127.0.0.1 or [::1]")
        # Read as text: the form gives the same clear error as the admin would.
        parser.add_argument("port", help="1 to 65535; 443 for HTTPS, 80 for HTTP")

    def handle(self, *args, hostname, port, **options):
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            raise CommandError(
                "There is no default Site yet. Run 'manage.py migrate', then "
                "'manage.py load_demo' (or add a Site in the admin, Settings → Sites)."
            )
        form = SiteAddressForm({"hostname": hostname, "port": port}, instance=site)
        if not form.is_valid():
            problems = " ".join(m for errors in form.errors.values() for m in errors)
            raise CommandError(f"The site's address stays {site.root_url}/. {problems}")
        if not form.has_changed():
            self.stdout.write(f"The site's address is already {site.root_url}/")
            return
        form.save()
        self.stdout.write(self.style.SUCCESS(f"The site's address is {site.root_url}/"))
