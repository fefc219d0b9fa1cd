"""Wording of categories, cookies and the banner per language; gated scripts
become translatable (their new fields stay empty until 0010 fills them)."""

import django.db.models.deletion
import modelcluster.fields
import uuid
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("consent", "0008_banner_message_says_what_each_choice_means"),
        ("cookie_consent", "0004_cookie_natural_key"),
        # Locales exist since Wagtail 2.11; nothing here needs a newer migration.
        ("wagtailcore", "0054_initial_locale"),
    ]

    operations = [
        migrations.AddField(
            model_name="gatedscript",
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="gatedscript",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.CreateModel(
            name="CategoryWording",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True,
                        primary_key=True,
                        serialize=False,
                        verbose_name="ID",
                    ),
                ),
                (
                    "translation_key",
                    models.UUIDField(default=uuid.uuid4, editable=False),
                ),
                ("name", models.CharField(max_length=100, verbose_name="name")),
                (
                    "description",
                    models.TextField(blank=True, verbose_name="description"),
                ),
                (
                    "category",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="wordings",
                        to="cookie_consent.cookiegroup",
                        verbose_name="category",
                    ),
                ),
                (
                    "locale",
                    models.ForeignKey(
                        editable=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="wagtailcore.locale",
                        verbose_name="locale",
                    ),
                ),
            ],
            options={
                "verbose_name": "cookie category wording",
                "verbose_name_plural": "cookie category wordings",
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="CookiePurpose",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True,
                        primary_key=True,
                        serialize=False,
                        verbose_name="ID",
                    ),
                ),
                (
                    "translation_key",
                    models.UUIDField(default=uuid.uuid4, editable=False),
                ),
                (
                    "sort_order",
                    models.IntegerField(blank=True, editable=False, null=True),
                ),
                ("purpose", models.TextField(blank=True, verbose_name="purpose")),
                (
                    "cookie",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="purposes",
                        to="cookie_consent.cookie",
                        verbose_name="cookie",
                    ),
                ),
                (
                    "locale",
                    models.ForeignKey(
                        editable=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="wagtailcore.locale",
                        verbose_name="locale",
                    ),
                ),
                (
                    "wording",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="purposes",
                        to="consent.categorywording",
                    ),
                ),
            ],
            options={
                "verbose_name": "cookie purpose",
                "verbose_name_plural": "cookie purposes",
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="BannerWording",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True,
                        primary_key=True,
                        serialize=False,
                        verbose_name="ID",
                    ),
                ),
                (
                    "translation_key",
                    models.UUIDField(default=uuid.uuid4, editable=False),
                ),
                ("title", models.CharField(max_length=100, verbose_name="title")),
                ("message", models.TextField(verbose_name="message")),
                (
                    "accept_label",
                    models.CharField(max_length=40, verbose_name="accept button"),
                ),
                (
                    "reject_label",
                    models.CharField(max_length=40, verbose_name="reject button"),
                ),
                (
                    "customise_label",
                    models.CharField(max_length=40, verbose_name="customise button"),
                ),
                (
                    "save_label",
                    models.CharField(max_length=40, verbose_name="save button"),
                ),
                (
                    "texts_revision",
                    models.PositiveIntegerField(default=1, editable=False),
                ),
                (
                    "texts_hash",
                    models.CharField(blank=True, editable=False, max_length=64),
                ),
                (
                    "locale",
                    models.ForeignKey(
                        editable=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="wagtailcore.locale",
                        verbose_name="locale",
                    ),
                ),
                (
                    "site",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="wagtailcore.site",
                        verbose_name="site",
                    ),
                ),
            ],
            options={
                "verbose_name": "cookie banner wording",
                "verbose_name_plural": "cookie banner wordings",
                "abstract": False,
                "constraints": [
                    models.UniqueConstraint(
                        fields=("site", "locale"),
                        name="consent_one_banner_wording_per_locale",
                    )
                ],
                "unique_together": {("translation_key", "locale")},
            },
        ),
        migrations.AddConstraint(
            model_name="categorywording",
            constraint=models.UniqueConstraint(
                fields=("category", "locale"), name="consent_one_wording_per_locale"
            ),
        ),
        migrations.AlterUniqueTogether(
            name="categorywording",
            unique_together={("translation_key", "locale")},
        ),
        migrations.AlterUniqueTogether(
            name="cookiepurpose",
            unique_together={("translation_key", "locale")},
        ),
    ]
