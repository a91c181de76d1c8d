<?cs set:Page.Title = Lang.ConfigPage.title ?>
<?cs include:"header.cs" ?>
<h2><?cs var:Lang.ConfigPage.title ?></h2>
<p class="intro"><?cs var:Lang.ConfigPage.intro ?></p>
<p><?cs var:Lang.ConfigPage.file ?>: <code id="config-path"><?cs var:Config.path ?></code></p>
<?cs if:Config.problem == "missing" ?>
<p class="notice warn" id="config-problem"><?cs var:Lang.ConfigPage.missing ?></p>
<?cs elif:Config.problem ?>
<p class="notice error" id="config-problem"><?cs var:Lang.ConfigPage.unreadable ?> <?cs var:Config.why ?></p>
<?cs else ?>
<pre class="config" id="ddclient-conf" tabindex="0"><?cs var:Config.text ?></pre>
<?cs /if ?>
<p><a href="?action=list"><?cs var:Lang.Back ?></a></p>
<?cs include:"footer.cs" ?>
