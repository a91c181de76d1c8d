<?cs if:Form.id ?><?cs set:Page.Title = Lang.Modify + " " + Form.hostname ?><?cs else ?><?cs set:Page.Title = Lang.Create ?><?cs /if ?>
<?cs include:"header.cs" ?>
<h2><?cs if:Form.id ?><?cs var:Lang.Modify ?> <?cs var:Form.hostname ?><?cs else ?><?cs var:Lang.Create ?><?cs /if ?></h2>
<?cs def:stored(name) ?><?cs if:Stored[name] ?><p class="stored" id="s-<?cs var:name ?>"><?cs var:Lang.Conflict.stored ?> <strong><?cs var:Stored[name] ?></strong></p><?cs /if ?><?cs /def ?>
<?cs if:Form.copy_of ?><p class="notice ok" id="copy-of"><?cs var:Lang.CopyOf.before ?> <strong><?cs var:Form.copy_of ?></strong><?cs var:Lang.CopyOf.after ?></p><?cs /if ?>
<?cs if:Conflict.message ?><section class="notice error" role="alert" id="conflict">
<p><?cs var:Conflict.message ?></p>
<p><?cs var:Lang.Conflict.save ?></p>
</section><?cs /if ?>
<?cs def:field(name, type, extra) ?>
<div class="field" data-field="<?cs var:name ?>">
<label for="f-<?cs var:name ?>" data-default="<?cs var:Lang.Field[name] ?>"><?cs if:Form.label[name] ?><?cs var:Form.label[name] ?><?cs else ?><?cs var:Lang.Field[name] ?><?cs /if ?></label>
<input id="f-<?cs var:name ?>" name="<?cs var:name ?>" type="<?cs var:type ?>" value="<?cs var:Form[name] ?>" aria-describedby="h-<?cs var:name ?><?cs if:Errors[name] ?> e-<?cs var:name ?><?cs /if ?>"<?cs if:Errors[name] ?> aria-invalid="true"<?cs /if ?><?cs if:Form.focus == name ?> autofocus<?cs /if ?><?cs if:extra == "host" ?> autocapitalize="off" spellcheck="false" maxlength="254"<?cs /if ?>>
<?cs if:Errors[name] ?><p class="error" id="e-<?cs var:name ?>"><?cs var:Errors[name] ?></p><?cs /if ?>
<?cs call:stored(name) ?>
<p class="help" id="h-<?cs var:name ?>"><?cs var:Lang.Help[name] ?></p>
</div>
<?cs /def ?>
<form method="post" action="?action=save" class="host-form" novalidate>
<input type="hidden" name="csrf_token" value="<?cs var:Page.Csrf ?>">
<?cs if:Form.id ?><input type="hidden" name="id" value="<?cs var:Form.id ?>">
<input type="hidden" name="version" value="<?cs var:Form.version ?>"><?cs /if ?>
<?cs call:field("hostname", "text", "host") ?>
<?cs call:field("description", "text", "") ?>
<div class="field" data-field="provider">
<label for="f-provider"><?cs var:Lang.Field.provider ?></label>
<select id="f-provider" name="provider" aria-describedby="h-provider<?cs if:Errors.provider ?> e-provider<?cs /if ?>"<?cs if:Errors.provider ?> aria-invalid="true"<?cs /if ?><?cs if:Form.focus == "provider" ?> autofocus<?cs /if ?>>
<?cs each:p = Providers ?><option value="<?cs var:p.id ?>" data-fields="<?cs var:p.fields ?>" data-families="<?cs var:p.families ?>" data-hint="<?cs var:Lang.Hint[p.id] ?>"<?cs if:Lang.Label[p.id].login ?> data-label-login="<?cs var:Lang.Label[p.id].login ?>"<?cs /if ?><?cs if:Lang.Label[p.id].password ?> data-label-password="<?cs var:Lang.Label[p.id].password ?>"<?cs /if ?><?cs if:p.famkey ?> data-famhint="<?cs var:Lang.Families.on ?> <?cs var:Page.ddclient ?> <?cs var:Lang.Families[p.famkey] ?>"<?cs /if ?><?cs if:p.selected ?> selected<?cs /if ?>><?cs var:p.label ?></option>
<?cs /each ?></select>
<?cs if:Errors.provider ?><p class="error" id="e-provider"><?cs var:Errors.provider ?></p><?cs /if ?>
<?cs call:stored("provider") ?>
<p class="help" id="h-provider"><?cs var:Lang.Help.provider ?></p>
<p class="hint" id="provider-hint"><?cs each:p = Providers ?><?cs if:p.selected ?><?cs var:Lang.Hint[p.id] ?><?cs /if ?><?cs /each ?></p>
<p class="hint" id="provider-families"><?cs each:p = Providers ?><?cs if:p.selected && p.famkey ?><?cs var:Lang.Families.on ?> <?cs var:Page.ddclient ?> <?cs var:Lang.Families[p.famkey] ?><?cs /if ?><?cs /each ?></p>
</div>
<?cs call:field("server", "text", "host") ?>
<div class="field" data-field="protocol">
<label for="f-protocol"><?cs var:Lang.Field.protocol ?></label>
<select id="f-protocol" name="protocol" aria-describedby="h-protocol<?cs if:Errors.protocol ?> e-protocol<?cs /if ?>"<?cs if:Errors.protocol ?> aria-invalid="true"<?cs /if ?><?cs if:Form.focus == "protocol" ?> autofocus<?cs /if ?>>
<option value=""><?cs var:Lang.Field.choose ?></option>
<?cs each:p = Protocols ?><option value="<?cs var:p.name ?>" data-fields="<?cs var:p.fields ?>" data-families="<?cs var:p.families ?>" data-famhint="<?cs var:Lang.Families.on ?> <?cs var:Page.ddclient ?> <?cs var:Lang.Families[p.famkey] ?>"<?cs if:p.selected ?> selected<?cs /if ?>><?cs var:p.name ?></option>
<?cs /each ?></select>
<?cs if:Errors.protocol ?><p class="error" id="e-protocol"><?cs var:Errors.protocol ?></p><?cs /if ?>
<?cs call:stored("protocol") ?>
<p class="help" id="h-protocol"><?cs var:Lang.Help.protocol ?></p>
</div>
<?cs each:p = Providers ?><?cs if:p.selected ?><?cs set:Form.label.login = Lang.Label[p.id].login ?><?cs set:Form.label.password = Lang.Label[p.id].password ?><?cs /if ?><?cs /each ?>
<?cs call:field("login", "text", "") ?>
<div class="field" data-field="password">
<label for="f-password" data-default="<?cs var:Lang.Field.password ?>"><?cs if:Form.label.password ?><?cs var:Form.label.password ?><?cs else ?><?cs var:Lang.Field.password ?><?cs /if ?></label>
<input id="f-password" name="password" type="password" value="<?cs var:Form.password ?>" autocomplete="new-password" aria-describedby="h-password<?cs if:Errors.password ?> e-password<?cs /if ?>"<?cs if:Errors.password ?> aria-invalid="true"<?cs /if ?><?cs if:Form.focus == "password" ?> autofocus<?cs /if ?><?cs if:Form.has_password == "1" ?> placeholder="••••••••"<?cs /if ?>>
<?cs if:Errors.password ?><p class="error" id="e-password"><?cs var:Errors.password ?></p><?cs /if ?>
<p class="help" id="h-password"><?cs var:Lang.Help.password ?><?cs if:Form.has_password == "1" ?> <?cs var:Lang.Help.password_keep ?><?cs /if ?></p>
</div>
<div class="field" data-field="algorithm">
<label for="f-algorithm"><?cs var:Lang.Field.algorithm ?></label>
<select id="f-algorithm" name="algorithm" aria-describedby="h-algorithm<?cs if:Errors.algorithm ?> e-algorithm<?cs /if ?>"<?cs if:Errors.algorithm ?> aria-invalid="true"<?cs /if ?><?cs if:Form.focus == "algorithm" ?> autofocus<?cs /if ?>>
<option value=""><?cs var:Lang.Field.choose ?></option>
<?cs each:a = Algorithms ?><option value="<?cs var:a.name ?>"<?cs if:a.selected ?> selected<?cs /if ?>><?cs var:a.name ?></option>
<?cs /each ?></select>
<?cs if:Errors.algorithm ?><p class="error" id="e-algorithm"><?cs var:Errors.algorithm ?></p><?cs /if ?>
<?cs call:stored("algorithm") ?>
<p class="help" id="h-algorithm"><?cs var:Lang.Help.algorithm ?></p>
</div>
<?cs call:field("zone", "text", "host") ?>
<?cs call:field("mx", "text", "host") ?>
<?cs def:flag(name) ?>
<div class="field check" data-field="<?cs var:name ?>">
<input id="f-<?cs var:name ?>" name="<?cs var:name ?>" type="checkbox" value="yes"<?cs if:Form[name] == "yes" ?> checked<?cs /if ?> aria-describedby="h-<?cs var:name ?><?cs if:Errors[name] ?> e-<?cs var:name ?><?cs /if ?>"<?cs if:Form.focus == name ?> autofocus<?cs /if ?>>
<label for="f-<?cs var:name ?>"><?cs var:Lang.Field[name] ?></label>
<?cs if:Errors[name] ?><p class="error" id="e-<?cs var:name ?>"><?cs var:Errors[name] ?></p><?cs /if ?>
<?cs call:stored(name) ?>
<p class="help" id="h-<?cs var:name ?>"><?cs var:Lang.Help[name] ?></p>
</div>
<?cs /def ?>
<?cs call:flag("backupmx") ?>
<?cs call:flag("wildcard") ?>
<div class="field" data-field="family">
<label for="f-family"><?cs var:Lang.Field.family ?></label>
<select id="f-family" name="family" aria-describedby="h-family<?cs if:Errors.family ?> e-family<?cs /if ?>"<?cs if:Errors.family ?> aria-invalid="true"<?cs /if ?><?cs if:Form.focus == "family" ?> autofocus<?cs /if ?>>
<?cs each:a = Families ?><option value="<?cs var:a.name ?>"<?cs if:a.selected ?> selected<?cs /if ?>><?cs var:a.label ?><?cs if:a.v4 || a.v6 ?> (<?cs var:a.v4 ?><?cs if:a.v4 && a.v6 ?>, <?cs /if ?><?cs var:a.v6 ?>)<?cs /if ?></option>
<?cs /each ?></select>
<?cs if:Errors.family ?><p class="error" id="e-family"><?cs var:Errors.family ?></p><?cs /if ?>
<?cs call:stored("family") ?>
<p class="help" id="h-family"><?cs var:Lang.Help.family ?> <?cs var:Lang.Help.ddclient ?> <?cs var:Page.ddclient ?>.</p>
</div>
<?cs if:Sources.1.name || Errors.source ?><div class="field" data-field="source">
<label for="f-source"><?cs var:Lang.Field.source ?></label>
<select id="f-source" name="source" aria-describedby="h-source<?cs if:Errors.source ?> e-source<?cs /if ?>"<?cs if:Errors.source ?> aria-invalid="true"<?cs /if ?><?cs if:Form.focus == "source" ?> autofocus<?cs /if ?>>
<?cs each:a = Sources ?><option value="<?cs var:a.name ?>"<?cs if:a.selected ?> selected<?cs /if ?>><?cs var:a.label ?><?cs if:a.v4 || a.v6 ?> (<?cs var:a.v4 ?><?cs if:a.v4 && a.v6 ?>, <?cs /if ?><?cs var:a.v6 ?>)<?cs /if ?></option>
<?cs /each ?></select>
<?cs if:Errors.source ?><p class="error" id="e-source"><?cs var:Errors.source ?></p><?cs /if ?>
<?cs call:stored("source") ?>
<p class="help" id="h-source"><?cs var:Lang.Help.source ?></p>
</div><?cs /if ?>
<p class="buttons"><button type="submit" class="primary"><?cs var:Lang.Save ?></button> <a class="button" href="?action=list"><?cs var:Lang.Cancel ?></a></p>
</form>
<?cs include:"footer.cs" ?>
