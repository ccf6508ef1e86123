"""Every lead now names a Service row (0006 filled them in): drop the old text column, require the key."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("leads", "0006_services_and_callback_times")]

    operations = [
        migrations.RemoveField(model_name="lead", name="old_service"),
        migrations.AlterField(
            model_name="lead",
            name="service",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="leads",
                to="leads.service",
                verbose_name="咨询服务",
            ),
        ),
    ]
