"""Consultation services become editor data (only what the operator really provides, with its fee), plus a
preferred callback time, the consent naming a separate recipient of leads, the network of each SMS send and
the notifications that tell consultants about a new lead.

The services are frozen literals, created if missing and never overwritten. Leads that already name a service
the list no longer offers keep it as a row that is not offered. The old text column is replaced by the
foreign key in 0007, in a transaction of its own (PostgreSQL refuses to alter a table with pending
deferred-constraint checks from the rows updated here).
"""

import django.db.models.deletion
import django.utils.timezone
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

SERVICES = [
    # slug, name, description, position
    ("check_score", "积分自测结果核实", "顾问逐项核对您的自测答案，指出可能算错或漏算的分数", 10),
    ("renewal", "居住证签注与续签", "什么时候能办、要带什么材料、过期了怎么办", 20),
    ("planning", "积分规划", "还差多少分、哪条路最快、大概需要多久", 30),
]
# What leads stored before services were editor data.
OLD_SERVICES = {
    "check_score": "积分自测核实",
    "settlement_guide": "落户指南",
    "planning": "一对一规划",
    "news": "政策资讯",
}
EDITOR_GROUP = "编辑"
EDITOR_PERMISSIONS = [f"{action}_service" for action in ("view", "add", "change", "delete")]


def add_services(apps, schema_editor):
    Service = apps.get_model("leads", "Service")
    Lead = apps.get_model("leads", "Lead")
    for slug, name, description, position in SERVICES:
        Service.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description, "position": position}
        )
    for code in Lead.objects.values_list("old_service", flat=True).distinct():
        service, _ = Service.objects.get_or_create(
            slug=code, defaults={"name": OLD_SERVICES.get(code, code), "is_offered": False, "position": 90}
        )
        Lead.objects.filter(old_service=code).update(service=service)

    app_config = apps.get_app_config("leads")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    group, _ = apps.get_model("auth", "Group").objects.get_or_create(name=EDITOR_GROUP)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="leads", codename__in=EDITOR_PERMISSIONS)
    )


def restore_service_codes(apps, schema_editor):
    Lead = apps.get_model("leads", "Lead")
    for lead in Lead.objects.select_related("service"):
        lead.old_service = lead.service.slug
        lead.save(update_fields=["old_service"])


class Migration(migrations.Migration):
    dependencies = [
        ("leads", "0005_verification_purpose_reminder"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.CreateModel(
            name="Service",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "slug",
                    models.SlugField(
                        help_text="网址里使用的名字，例如 check_score；站内链接靠它预选服务，创建后不能修改。",
                        max_length=30,
                        unique=True,
                        verbose_name="代号",
                    ),
                ),
                ("name", models.CharField(max_length=30, verbose_name="名称")),
                (
                    "description",
                    models.CharField(
                        blank=True, help_text="显示在选项下方的一句话。", max_length=80, verbose_name="说明"
                    ),
                ),
                (
                    "fee",
                    models.CharField(
                        default="免费",
                        help_text="如实填写，例如“免费”或“首次 30 分钟免费，之后每小时 200 元”；"
                        "会显示在咨询表单和“关于本站”页面。",
                        max_length=60,
                        verbose_name="费用",
                    ),
                ),
                (
                    "is_offered",
                    models.BooleanField(
                        default=True,
                        help_text="不再提供的服务取消勾选，表单里就不再出现。",
                        verbose_name="正在提供",
                    ),
                ),
                (
                    "position",
                    models.PositiveSmallIntegerField(
                        default=0, help_text="数字小的排在前面。", verbose_name="排序"
                    ),
                ),
            ],
            options={
                "verbose_name": "咨询服务",
                "verbose_name_plural": "咨询服务",
                "ordering": ("position", "pk"),
            },
        ),
        migrations.RenameField(model_name="lead", old_name="service", new_name="old_service"),
        migrations.AddField(
            model_name="lead",
            name="service",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="leads",
                to="leads.service",
                verbose_name="咨询服务",
            ),
        ),
        migrations.AddField(
            model_name="lead",
            name="callback_time",
            field=models.CharField(
                choices=[("asap", "尽快"), ("morning", "上午"), ("afternoon", "下午"), ("evening", "晚上")],
                default="asap",
                max_length=10,
                verbose_name="希望回电时间",
            ),
        ),
        migrations.AddField(
            model_name="lead",
            name="recipient",
            field=models.CharField(blank=True, max_length=100, verbose_name="同意提供给"),
        ),
        migrations.AddField(
            model_name="lead",
            name="recipient_consent_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="同意提供时间"),
        ),
        migrations.AddField(
            model_name="lead",
            name="overdue_reminded_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="逾期提醒时间"),
        ),
        migrations.AddField(
            model_name="smssend",
            name="network_hash",
            field=models.CharField(db_index=True, default="", max_length=64),
        ),
        migrations.CreateModel(
            name="LeadNotification",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "channel",
                    models.CharField(
                        choices=[("mail", "邮件"), ("webhook", "群机器人")],
                        max_length=10,
                        verbose_name="渠道",
                    ),
                ),
                (
                    "created_at",
                    models.DateTimeField(default=django.utils.timezone.now, verbose_name="创建时间"),
                ),
                ("sent_at", models.DateTimeField(blank=True, null=True, verbose_name="发出时间")),
                ("attempts", models.PositiveSmallIntegerField(default=0, verbose_name="尝试次数")),
                ("last_error", models.CharField(blank=True, max_length=200, verbose_name="最近一次错误")),
                (
                    "lead",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="notifications",
                        to="leads.lead",
                    ),
                ),
            ],
            options={
                "verbose_name": "新线索通知",
                "verbose_name_plural": "新线索通知",
                "constraints": [
                    models.UniqueConstraint(fields=("lead", "channel"), name="one_notification_per_channel")
                ],
            },
        ),
        migrations.RunPython(add_services, restore_service_codes),
    ]
